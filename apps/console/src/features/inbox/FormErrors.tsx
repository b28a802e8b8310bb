import { ErrorNotice } from '../../ui/ErrorNotice';
import { unplacedMessages } from './form-errors';

/** The notice for a failed action, plus any 400 message that has no field of the form to sit beside. */
export function FormErrors({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error) return null;
  const unplaced = unplacedMessages(error, fields);
  return (
    <>
      <ErrorNotice error={error} />
      {unplaced.length > 0 && (
        <ul className="notice notice-warning">
          {unplaced.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
