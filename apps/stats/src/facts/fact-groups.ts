import { KnownEnvelope } from '@akimat/contracts';

/** The rows each fact statement takes, one per event, gathered by kind. Codes and instants only. */
export function groupFacts(events: KnownEnvelope[]) {
  const g = {
    registered: [] as unknown[][],
    unitChanges: [] as unknown[][],
    touched: [] as unknown[][],
    briefAnswers: [] as unknown[][],
    fullAnswers: [] as unknown[][],
    feedback: [] as unknown[][],
    extended: [] as unknown[][],
    forwarded: [] as unknown[][],
    reopened: [] as unknown[][],
    closed: [] as unknown[][],
    reassignments: [] as unknown[][],
    deadlineMisses: [] as unknown[][],
    visits: [] as unknown[][],
  };
  for (const event of events) {
    if ('appealId' in event.data && event.type !== 'appeal.registered') {
      const d = event.data as { appealId: string; category: string; unitCode?: string; unit?: { code: string } };
      g.touched.push([d.appealId, d.category, d.unitCode ?? d.unit?.code ?? null]);
    }
    switch (event.type) {
      case 'appeal.registered': {
        const d = event.data;
        g.registered.push([
          d.appealId,
          d.category,
          d.registeredAt,
          d.channel,
          d.locality ?? null,
          d.receptionSessionId ?? null,
          d.receivedBy?.name ?? null,
          d.answerRequired ?? true,
        ]);
        break;
      }
      case 'appeal.routed':
      case 'appeal.reassigned': {
        const d = event.data;
        const at = 'routedAt' in d ? d.routedAt : d.reassignedAt;
        const due = (kind: string) => d.deadlines.find((deadline) => deadline.kind === kind)?.dueAt ?? null;
        const routedAt = event.type === 'appeal.routed' ? at : null;
        g.unitChanges.push([
          d.appealId,
          d.category,
          d.unit.code,
          at,
          routedAt,
          due('brief_answer'),
          due('full_answer'),
        ]);
        if (event.type === 'appeal.reassigned') {
          g.reassignments.push([event.id, d.appealId, event.data.fromUnit.code, d.unit.code, at]);
        }
        break;
      }
      case 'appeal.brief_answered':
      case 'appeal.full_answered': {
        const d = event.data;
        const outcome = 'outcome' in d ? d.outcome : null;
        const row = [d.appealId, d.answeredAt, d.unitCode ?? null, d.onTime ?? null, d.hoursFromRegistration, outcome];
        (event.type === 'appeal.brief_answered' ? g.briefAnswers : g.fullAnswers).push(row);
        break;
      }
      case 'appeal.feedback_given':
        g.feedback.push([event.data.appealId, event.data.rating, event.data.givenAt]);
        break;
      case 'appeal.extended':
        g.extended.push([event.data.appealId, event.data.newDueAt]);
        break;
      case 'appeal.forwarded':
        g.forwarded.push([event.data.appealId, event.data.forwardedAt]);
        break;
      case 'appeal.reopened':
        g.reopened.push([event.data.appealId, event.data.reopenedAt]);
        break;
      case 'appeal.closed':
        g.closed.push([event.data.appealId, event.data.closedAt]);
        break;
      case 'appeal.deadline_missed': {
        const d = event.data;
        g.deadlineMisses.push([event.id, d.appealId, d.deadline, d.unit.code, d.dueAt]);
        break;
      }
      case 'service.rendered':
        g.visits.push([event.data.visitId, event.data.sector, event.data.service, event.data.renderedAt]);
        break;
      default:
      // deadline_approaching and directory.unit_changed move no figure; the consumer still records them as handled.
    }
  }
  return g;
}
