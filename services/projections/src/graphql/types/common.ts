import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('Text', { description: 'A sentence in Dutch (the interface language) and English.' })
export class TextType {
  @Field()
  nl!: string;
  @Field()
  en!: string;
}

@ObjectType('Party', { description: 'An organisation, a role in it, and the person when known.' })
export class PartyType {
  @Field()
  organisation!: string;
  @Field()
  role!: string;
  @Field(() => String, { nullable: true })
  personId?: string | null;
  @Field(() => String, { nullable: true })
  name?: string | null;
}

@ObjectType('EventActor', { description: 'Who sent the command that recorded an event.' })
export class EventActorType {
  @Field()
  id!: string;
  @Field()
  role!: string;
  @Field()
  organisation!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
  @Field()
  hasNextPage!: boolean;
}

@ObjectType()
export class CountByKey {
  @Field()
  key!: string;
  @Field(() => Int)
  count!: number;
}
