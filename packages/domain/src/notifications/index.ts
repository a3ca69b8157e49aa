export * from './notificationIntent';
export * from './notificationRules';
