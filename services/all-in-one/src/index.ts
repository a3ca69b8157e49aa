export * from './startPlatform';
export * from './demoDirectory';
export * from './seedDemoCases';
export * from './welcomeText';
export { portalRoutes } from './portalRoutes';
