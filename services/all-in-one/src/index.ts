export * from './startPlatform';
export * from './demoDirectory';
export * from './seedDemoCases';
