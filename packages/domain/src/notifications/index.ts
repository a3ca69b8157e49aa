export * from './notificationIntent';
export * from './notificationRules';
export * from './deliveryEvents';
export * from './webhookAccess';
