import { BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { createValidationPipe, MAX_INPUT_DEPTH, unstorableInput } from './validation.pipe';

class NoteDto {
  @IsString()
  text!: string;
}

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

async function violationsOf(value: unknown, metatype: unknown = NoteDto) {
  const sut = createValidationPipe();
  const error = await sut.transform(value, { type: 'body', metatype: metatype as never }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadRequestException);
  return ((error as BadRequestException).getResponse() as { violations: unknown[] }).violations;
}

describe('createValidationPipe', () => {
  it('refuses input nested deeper than the limit with 400 instead of overflowing the stack', async () => {
    expect(await violationsOf(nested(50_000))).toEqual([
      { field: '0', rule: 'maxDepth', message: '0 must not nest deeper than 32 levels' },
    ]);
    expect(await violationsOf({ text: nested(MAX_INPUT_DEPTH + 1) })).toEqual([
      { field: 'text', rule: 'maxDepth', message: 'text must not nest deeper than 32 levels' },
    ]);
  });

  it('refuses the NUL character, which PostgreSQL cannot store, naming the field', async () => {
    expect(await violationsOf({ text: 'a\u0000b' })).toEqual([
      { field: 'text', rule: 'noNullCharacter', message: expect.any(String) },
    ]);
  });

  it('refuses lone surrogates, which PostgreSQL refuses in jsonb, and accepts paired ones', async () => {
    expect(await violationsOf({ text: 'x\ud800y' })).toEqual([
      { field: 'text', rule: 'wellFormedUnicode', message: expect.any(String) },
    ]);
    expect(unstorableInput({ text: 'Рахмет 😀' })).toBeUndefined();
  });

  it('still validates and transforms ordinary input', async () => {
    const sut = createValidationPipe();
    await expect(
      sut.transform({ text: 'Шатыр ағып тұр' }, { type: 'body', metatype: NoteDto }),
    ).resolves.toBeInstanceOf(NoteDto);
    expect(unstorableInput(nested(MAX_INPUT_DEPTH - 1))).toBeUndefined();
  });

  it('leaves untyped arguments (Kafka payloads) to the consumer, which dead-letters what it cannot take', async () => {
    const payload = { text: 'poison \u0000', deep: nested(MAX_INPUT_DEPTH + 1) };
    await expect(createValidationPipe().transform(payload, { type: 'body', metatype: Object })).resolves.toBe(payload);
    class KafkaContextLike {
      message = { value: 'poison \u0000' };
    }
    const context = new KafkaContextLike();
    await expect(
      createValidationPipe().transform(context, { type: 'custom', metatype: KafkaContextLike }),
    ).resolves.toBe(context);
  });
});
