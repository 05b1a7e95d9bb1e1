// <variety-chart> in Chromium: a report of hand-made jobs drawn as the rising distinct count and the running
// novelty against its floor, with the entropies and pool shares; an empty store says so.
import { expect } from 'chai';
import { varietyReport, VARIETY_KINDS, type VarietyJob } from '../../src/core/registry/variety-report.ts';
import '../../src/ui/variety-chart.ts';

function jobs(n: number): VarietyJob[] {
  return Array.from({ length: n }, (_, i) => ({
    prompt: `prompt ${i % 7}`,
    spec: {
      palette: [{ rgb: [i * 10, 0, 0] }, { rgb: [0, 0, 200] }],
      camera: { move: i % 3 === 0 ? 'static' : 'pan_left' },
      gradient: { type: i % 2 === 0 ? 'flat' : 'radial' },
      lighting: { canonical: 'balanced' },
      sound: { pool: [{ name: `sound ${i % 4}`, tone_hz: null }] },
    },
    discovery: { new: Array.from({ length: 12 - (i % 5) }, (_, k) => `static.colors/c${i}-${k}`), seen_again: ['a', 'b', 'c', 'd', 'e', 'f'] },
  }));
}

async function mount(n: number) {
  const el = document.createElement('variety-chart');
  el.report = varietyReport(jobs(n), { colors: 16, sounds: 4 });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('<variety-chart>', () => {
  it('draws distinct values rising over jobs and novelty with its floor', async () => {
    const el = await mount(20);
    const root = el.shadowRoot!;
    const svgs = root.querySelectorAll('svg');
    expect(svgs.length).to.equal(2);
    expect(svgs[0]!.getAttribute('aria-label')).to.equal(`distinct values made over jobs: ${el.report!.distinct.total} after 20 jobs`);
    const pts = svgs[0]!.querySelector('polyline')!.getAttribute('points')!.trim().split(' ').map((p) => Number(p.split(',')[1]));
    expect(pts.length).to.equal(20);
    // y grows downwards: a rising count never goes down on screen
    for (let i = 1; i < pts.length; i++) expect(pts[i]!).to.be.at.most(pts[i - 1]!);
    expect(pts[pts.length - 1]).to.be.below(pts[0]!);
    const floor = svgs[1]!.querySelector('line')!;
    expect(Number(floor.getAttribute('y1'))).to.be.closeTo(100 - el.report!.novelty.floor * 100, 1e-9);
    expect(svgs[1]!.querySelector('polyline')!.getAttribute('points')!.trim().split(' ').length).to.equal(20);
    const headers = [...root.querySelectorAll('thead th')].map((t) => t.textContent);
    expect(headers.slice(1)).to.deep.equal([...VARIETY_KINDS]);
    const distinctRow = [...root.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].map((t) => Number(t.textContent));
    expect(distinctRow).to.deep.equal(VARIETY_KINDS.map((k) => el.report!.distinct[k]));
    expect(root.textContent).to.contain('longest run of one prompt 1');
    el.remove();
  });

  it('says there are no jobs yet for an empty store', async () => {
    const el = await mount(0);
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('No jobs yet');
    el.remove();
  });
});
