import { ResidentCache } from './resident-cache';

const contact = (name: string) => ({ name, language: 'kk' as const });

describe(ResidentCache.name, () => {
  it('keeps the newest residents up to its capacity', () => {
    const sut = new ResidentCache(2);
    sut.set('a', contact('A'));
    sut.set('b', contact('B'));
    sut.set('a', contact('A'));
    sut.set('c', contact('C'));

    expect(sut.get('b')).toBeUndefined();
    expect(sut.get('a')).toEqual(contact('A'));
    expect(sut.get('c')).toEqual(contact('C'));
  });
});
