import { Anchor, Breadcrumbs, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';

export type Crumb = { label: string; to?: string };

/**
 * The trail above a screen ("Portfolio / Partner / Kick-off call"). A long name is cut with an
 * ellipsis rather than pushing the trail off-screen; the full name is in its tooltip and title.
 */
export function PageBreadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <Breadcrumbs style={{ minWidth: 0, flexWrap: 'nowrap', overflow: 'hidden' }} styles={{ separator: { flexShrink: 0 } }} data-testid="breadcrumbs">
      {items.map((item, index) => {
        // The first crumb ("Portfolio") is short and always whole; the others share what is left.
        const style = index === 0 ? { flexShrink: 0 } : { minWidth: 0, flexShrink: 1, maxWidth: 'min(60ch, 100%)' };
        const text = (
          <Text size="sm" truncate="end" title={item.label} inherit={Boolean(item.to)} span={Boolean(item.to)} style={{ display: 'block' }}>
            {item.label}
          </Text>
        );
        return (
          <Tooltip key={`${index}-${item.label}`} label={item.label} disabled={index === 0 || item.label.length < 40} openDelay={400} multiline maw={480}>
            {item.to ? (
              <Anchor component={Link} to={item.to} size="sm" style={style}>
                {text}
              </Anchor>
            ) : (
              <div style={style} aria-current="page">
                {text}
              </div>
            )}
          </Tooltip>
        );
      })}
    </Breadcrumbs>
  );
}
