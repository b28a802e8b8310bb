import { AppealAnswerEntity } from './appeal-answer.entity';

export function toAnswerView(answer: AppealAnswerEntity) {
  return {
    kind: answer.kind,
    text: answer.text,
    author: { name: answer.authorName, position: answer.authorPosition },
    answeredAt: answer.answeredAt.toISOString(),
    dueAt: answer.dueAt?.toISOString() ?? null,
    onTime: answer.onTime,
    outcome: answer.outcome,
    refusalReasons: answer.refusalReasons,
  };
}
