// image-size, loaded on first use (see ../lazy/index.ts).
export { imageSize } from 'image-size';
