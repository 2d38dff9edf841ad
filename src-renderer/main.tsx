import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LocaleDates } from './app/LocaleDates';
import { detectPlatform } from './platform/detectPlatform';
import { setDisplayLocale } from '../src-shared/util/formatDate';

// Dates read in the user's own locale everywhere (storage stays ISO).
setDisplayLocale(navigator.language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <LocaleDates>
    <App platform={detectPlatform()} />
  </LocaleDates>,
);
