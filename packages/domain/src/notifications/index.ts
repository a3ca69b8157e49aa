export * from './notificationIntent';
export * from './notificationRules';
export * from './deadlineRules';
export * from './deliveryEvents';
export * from './webhookAccess';
