// What a mutation answers: the events recorded and the case's next step right after them.
// The names carry a Command prefix because the read side has its own Text, Party and NextStep
// types, and the launcher serves both services' resolvers in one schema, where names must be unique.
import 'reflect-metadata';
import { GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseStatusEnum, RoleEnum, StepActionEnum } from './domainEnums';

@ObjectType('CommandText', { description: 'A sentence for people, in Dutch and English.' })
export class TextType {
  @Field(() => String) nl!: string;
  @Field(() => String) en!: string;
}

@ObjectType('CommandParty', {
  description: 'An organisation, a role in it, and the person when known.',
})
export class PartyRefType {
  @Field(() => String) organisation!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => String, { nullable: true }) personId?: string;
  @Field(() => String, { nullable: true }) name?: string;
}

@ObjectType('CommandDeadline')
export class DeadlineType {
  @Field(() => GraphQLLocalDate) date!: string;
  @Field(() => TextType) description!: TextType;
}

@ObjectType('CommandNextStep', {
  description: 'What must happen next, who must do it, and by when.',
})
export class NextStepType {
  @Field(() => StepActionEnum) action!: string;
  @Field(() => TextType) description!: TextType;
  @Field(() => PartyRefType) responsible!: PartyRefType;
  @Field(() => GraphQLLocalDate) since!: string;
  @Field(() => GraphQLLocalDate) due!: string;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => Int) daysOverdue!: number;
  @Field(() => PartyRefType, { description: 'Who is told when the step is overdue.' })
  escalateTo!: PartyRefType;
  @Field(() => DeadlineType, { nullable: true }) deadline?: DeadlineType;
}

@ObjectType('RecordedEventRef')
export class RecordedEventRefType {
  @Field(() => ID) eventId!: string;
  @Field(() => String) type!: string;
  @Field(() => Int) revision!: number;
}

@ObjectType('CommandResult')
export class CommandResultType {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { description: 'Send it again to retry safely.' })
  commandId!: string;
  @Field(() => Int, { description: "The case's revision after the command." })
  revision!: number;
  @Field(() => GraphQLSafeInt, {
    description: 'Global position of the last event; read models that reached it show the change.',
  })
  position!: number;
  @Field(() => [RecordedEventRefType]) events!: RecordedEventRefType[];
  @Field(() => CaseStatusEnum) status!: string;
  @Field(() => NextStepType, { nullable: true }) nextStep?: NextStepType | null;
}
