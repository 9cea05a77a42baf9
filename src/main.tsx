import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { builtinScenarios, defaultScenarioId } from './scenarios';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App scenarios={builtinScenarios} initialScenarioId={defaultScenarioId} syncUrl />
    </ErrorBoundary>
  </StrictMode>,
);
