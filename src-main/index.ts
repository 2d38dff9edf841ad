import { startApp } from './startApp';

/** Main-process entry (out/main/index.js). Everything happens in startApp, which tests call directly. */
startApp();
