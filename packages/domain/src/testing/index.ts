export * from './deciderSpecification';
export * from './fixtures';
