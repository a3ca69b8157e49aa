import { useLanguage } from '../i18n/language';
import { formatDate } from '../i18n/formats';

/** A due date, and when it passed, how many days ago: in words, not only in red. */
export function DueDate({
  due,
  overdue,
  daysOverdue,
}: {
  due: string;
  overdue: boolean;
  daysOverdue: number;
}) {
  const { language, tr } = useLanguage();
  return (
    <span className={overdue ? 'portal-overdue' : undefined}>
      <time dateTime={due}>{formatDate(due, language)}</time>
      {overdue ? (
        <>
          {' '}
          <strong className="portal-overdue__label">
            {daysOverdue === 1
              ? tr('(1 dag te laat)', '(1 day overdue)')
              : tr(`(${daysOverdue} dagen te laat)`, `(${daysOverdue} days overdue)`)}
          </strong>
        </>
      ) : null}
    </span>
  );
}
