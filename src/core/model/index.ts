export * from './range';
export * from './writeup';
