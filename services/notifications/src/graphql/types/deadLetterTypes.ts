import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './inboxTypes';

@ObjectType('DeadLetter', { description: 'A delivery that failed every attempt.' })
export class DeadLetterType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  notificationId!: string;

  @Field(() => String)
  rule!: string;

  @Field(() => String)
  caseId!: string;

  @Field(() => String)
  recipientOrganisation!: string;

  @Field(() => String, { description: 'email or webhook' })
  channel!: string;

  @Field(() => String, { description: 'The webhook subscription id or the directory entry.' })
  address!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => String, { nullable: true })
  deadAt!: string | null;
}

@ObjectType()
export class DeadLetterEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DeadLetterType)
  node!: DeadLetterType;
}

@ObjectType()
export class DeadLetterConnection {
  @Field(() => [DeadLetterEdge])
  edges!: DeadLetterEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
