import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy*/waitFor wait for behaviour, not for a speed: a loaded host may take longer than the default second.
configure({ asyncUtilTimeout: 5000 });
