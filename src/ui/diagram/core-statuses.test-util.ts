import { threadStatus } from '../../core';
import { computeStatusesWith } from '../../worker/statuses';

// Pictures drawn from the core's own states (no simulation reply) read their threads' statuses from the core.
computeStatusesWith(threadStatus);
