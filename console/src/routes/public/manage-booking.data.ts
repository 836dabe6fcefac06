// Starts this page's data loading while its code loads.
export function preloadManageBooking(): void {}
