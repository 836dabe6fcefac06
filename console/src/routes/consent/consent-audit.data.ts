// Starts this page's data loading while its code loads.
export function preloadConsentAudit(): void {}
