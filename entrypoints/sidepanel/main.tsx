import { render } from 'preact';
import { App } from './App';
import { createPanelServices } from './services';
import './style.css';

render(<App services={createPanelServices()} />, document.getElementById('app')!);
