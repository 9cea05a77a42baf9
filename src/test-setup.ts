import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { threadStatus } from './core';
import { computeStatusesWith } from './worker/statuses';

// The project machine is shared: findBy* queries wait up to 5 s instead of 1 s before failing.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

// findBy*/waitFor wait for behaviour, not for a speed: a loaded host may take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

// Components drawn from hand-made states (not a simulation's reply) read their threads' statuses from the core.
computeStatusesWith(threadStatus);
