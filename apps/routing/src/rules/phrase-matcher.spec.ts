import { compilePhrase, findPhrase, stemOf, toWords } from './phrase-matcher';

describe('phrase matcher', () => {
  it.each([
    ['мал', 'мал'],
    ['скот', 'скот'],
    ['участок', 'участ'],
    ['земельный', 'земельн'],
    ['ветеринария', 'ветерина'],
  ])('stems %s to %s', (word, stem) => {
    expect(stemOf(word)).toBe(stem);
  });

  it.each([
    ['земельный участок', 'Вопрос о земельных участках в ауле', 'земельных участках'],
    ['жер учаскесі', 'ЖЕР УЧАСКЕСІНІҢ құжаттары', 'жер учаскесінің'],
    ['жер учаскесі', 'жер-учаскесін', 'жер-учаскесін'],
    ['Сарайшық', 'Сарайшык ауылы', 'сарайшык'],
    ['ёлки', 'Елки во дворе', 'елки'],
  ])('finds %s in "%s"', (keyword, text, found) => {
    expect(findPhrase(compilePhrase(keyword), toWords(text))).toBe(found);
  });

  it.each([
    ['жер учаскесі', 'учаскесі жер'],
    ['земельный участок', 'земельный налог и участок'],
    ['скот', 'скорая помощь'],
  ])('does not find %s in "%s"', (keyword, text) => {
    expect(findPhrase(compilePhrase(keyword), toWords(text))).toBeUndefined();
  });

  it('treats decomposed and composed letters alike', () => {
    const decomposed = 'Ёлка'.normalize('NFD');
    expect(findPhrase(compilePhrase('ёлка'), toWords(decomposed))).toBe('ёлка');
  });
});
