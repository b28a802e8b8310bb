import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inboxKeys } from './inbox-api';

/** One action on an appeal; on success the card (and the inbox lists) are read again. */
export function useAppealAction<TBody>(
  appealId: string,
  send: (appealId: string, body: TBody) => Promise<unknown>,
  { refreshCard = true }: { refreshCard?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => send(appealId, body),
    onSuccess: () =>
      Promise.all([
        refreshCard ? client.invalidateQueries({ queryKey: inboxKeys.appeal(appealId) }) : undefined,
        client.invalidateQueries({ queryKey: ['inbox', 'list'] }),
      ]),
  });
}
