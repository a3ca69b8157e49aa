import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** A calendar date in Europe/Amsterdam, YYYY-MM-DD. */
export const LocalDate = LocalDateResolver;
/** An instant, ISO 8601 with time zone. */
export const DateTime = DateTimeISOResolver;
