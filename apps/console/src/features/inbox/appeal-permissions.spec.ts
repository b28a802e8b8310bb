import { appealCard } from './appeal-fixtures';
import { permissionsFor } from './appeal-permissions';

describe('permissionsFor', () => {
  it('offers reassignment only once routing has assigned the appeal', () => {
    const routed = appealCard({ status: 'assigned' });
    expect(routed.assignment).toBeTruthy();
    expect(permissionsFor(['chief_of_staff'], routed).reassign).toBe(true);
    const notRoutedYet = appealCard({ status: 'registered', assignment: null });
    expect(permissionsFor(['chief_of_staff'], notRoutedYet).reassign).toBe(false);
    expect(permissionsFor(['department_head'], notRoutedYet).handBack).toBe(false);
  });

  it('lets a head hand back an appeal of his unit, but not one already at the triage desk', () => {
    expect(permissionsFor(['department_head'], appealCard({ status: 'assigned' })).handBack).toBe(true);
    const atTriage = appealCard({
      status: 'assigned',
      assignment: { ...appealCard().assignment!, unitCode: 'chief-of-staff-triage' },
    });
    expect(permissionsFor(['department_head'], atTriage).handBack).toBe(false);
  });
});
