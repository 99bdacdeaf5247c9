export * from './range';
export * from './writeup';
export * from './query';
