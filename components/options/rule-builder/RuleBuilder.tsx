import type { TaughtRule, TeachingSession, Pick } from '../../../lib/context/rule-builder/session';
import type { OpenTab } from '../../../lib/platform/rule-builder-tab';
import { CandidateList } from './CandidateList';
import { ProposalPanel } from './ProposalPanel';
import { RuleExport } from './RuleExport';
import { TabPicker } from './TabPicker';

interface Props {
  readonly tabs: readonly OpenTab[];
  readonly session?: TeachingSession;
  readonly taught: readonly TaughtRule[];
  readonly onTeach: (tab: OpenTab) => void;
  readonly onChoose: (pick: Pick) => void;
  readonly onBirthDate: (pick: Pick) => void;
  readonly onPick: (index: number) => void;
  readonly onTestPage: () => void;
  readonly onSave: () => void;
  readonly onStop: () => void;
}

/** Teach fhirside an EPR page: choose the patient's number, check the proposed rule on more patients, save, export. */
export function RuleBuilder({ tabs, session, taught, onTeach, onChoose, onBirthDate, onPick, onTestPage, onSave, onStop }: Props) {
  return (
    <div class="rule-builder">
      <TabPicker tabs={tabs} teaching={session?.tabId} onTeach={onTeach} />
      {session && (
        <div class="teaching" data-teaching={session.tabId}>
          <h3>
            Teaching <code>{session.tabUrl}</code>
          </h3>
          {session.status && (
            <p role="status" class="secondary" data-builder-status>
              {session.status}
            </p>
          )}
          <CandidateList frames={session.frames} chosen={session.chosen} birthDate={session.birthDate} onChoose={onChoose} onBirthDate={onBirthDate} />
          <ProposalPanel session={session} onPick={onPick} onTestPage={onTestPage} onSave={onSave} />
          <p>
            <button type="button" class="link" onClick={onStop}>
              Stop teaching (remove the marks from the page)
            </button>
          </p>
        </div>
      )}
      {taught.length > 0 && <RuleExport key={taught[0]?.product.name ?? ''} taught={taught} />}
    </div>
  );
}
