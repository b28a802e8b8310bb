import { OfficialPosition } from './reception-session.entity';

const TITLES: Record<OfficialPosition, string> = {
  akim: 'District akim',
  deputy_akim: 'Deputy akim',
  chief_of_staff: 'Chief of staff',
};

export function positionTitle(position: OfficialPosition): string {
  return TITLES[position];
}
