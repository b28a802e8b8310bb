export * from './iin';
export * from './kazakh-phone';
