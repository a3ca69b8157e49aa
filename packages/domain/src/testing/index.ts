export * from './deciderSpecification';
export * from './fixtures';
export * from './journey';
export * from './stepCommands';
