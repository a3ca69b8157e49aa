export * from './notificationIntent';
export * from './notificationRules';
export * from './deliveryEvents';
