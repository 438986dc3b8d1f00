import { render } from 'preact';
import { loadEffectiveConfig, onEffectiveConfigChanged } from '@/lib/config/effective-config';
import { App } from './App';
import { createPanelServices } from './services';
import './style.css';
import './narrow.css';

async function main() {
  const config = await loadEffectiveConfig();
  // A configuration change (policy or options) restarts the panel: no look-up runs on stale settings.
  onEffectiveConfigChanged(() => location.reload());
  render(<App services={createPanelServices(config)} />, document.getElementById('app')!);
}

void main();
