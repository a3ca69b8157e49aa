export * from './calendar';
export * from './identifiers';
export * from './parties';
export * from './text';
export * from './case';
export * from './notifications';
