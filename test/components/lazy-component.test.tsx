// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from '@/components/lazy-component';

interface Props {
  readonly name: string;
}

const Real = ({ name }: Props) => <p class="real">Trend of {name}</p>;
const Waiting = ({ name }: Props) => <p class="waiting">Loading the trend of {name}…</p>;

function draw(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(node, root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('a component fetched when first drawn', () => {
  it('shows its placeholder with the same props until the code is there, then the component', async () => {
    const load = vi.fn(() => Promise.resolve(Real));
    const Lazy = lazyComponent(load, Waiting);
    const root = draw(<Lazy name="CEA" />);
    expect(root.textContent).toBe('Loading the trend of CEA…');
    await vi.waitFor(() => expect(root.textContent).toBe('Trend of CEA'));
    // Fetched once: a later use draws at once.
    expect(draw(<Lazy name="HbA1c" />).textContent).toBe('Trend of HbA1c');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the placeholder when the code cannot be fetched, and tries again when drawn again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk gone')).mockResolvedValue(Real);
    const Lazy = lazyComponent(load, Waiting);
    const first = draw(<Lazy name="CEA" />);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first.textContent).toBe('Loading the trend of CEA…');
    const second = draw(<Lazy name="CEA" />);
    await vi.waitFor(() => expect(second.textContent).toBe('Trend of CEA'));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
