export * from './inline';
export * from './range';
export * from './writeup';
export * from './query';
