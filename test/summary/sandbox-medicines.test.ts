import { describe, expect, it } from 'vitest';
import { groupMedicines } from '@/lib/summary/medicine-groups';
import { TODAY } from '../../sandbox/data/clock';
import { sandboxSummary } from '../fixtures/sandbox-summary';

describe('p08: medicines as a GP system lists them', () => {
  const groups = groupMedicines(sandboxSummary('p08').sections.medications, TODAY);
  const names = (rows: readonly { text: string }[]) => rows.map((r) => r.text.split(' ')[0]);

  it('has current repeats with last issue, review date and quantity', () => {
    expect(names(groups.repeats)).toEqual(['Salbutamol', 'Sertraline']);
    expect(groups.repeats[1]!.prescription).toEqual({ course: 'repeat', lastIssued: '2026-11-04', reviewDate: '2027-02-15', quantity: '28 tablet', issues: 11 });
  });

  it('has a recent acute, an old acute and a repeat stopped two months ago', () => {
    expect(names(groups.acutes)).toEqual(['Amoxicillin']);
    expect(names(groups.recentlyStopped)).toEqual(['Omeprazole']);
    expect(names(groups.earlier)).toEqual(['Paracetamol']);
  });
});
