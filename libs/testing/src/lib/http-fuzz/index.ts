export * from './hostile-input';
export * from './http-fuzz';
