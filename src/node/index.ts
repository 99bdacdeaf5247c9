/**
 * Node adapters of the core's host interfaces, shared by the CLI and the editor: files and image
 * sizes read from disk. Nothing here knows about VS Code or the command line.
 */
export { diskHost } from './diskHost';
export { diskImageSize } from './imageSize';
