export * from './arm';
export * from './provisioning';
