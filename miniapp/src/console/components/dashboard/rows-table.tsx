import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A table of the console (styles in console.css), scrolling inside its panel. */
export function RowsTable({ id, header, rows }: { id?: string; header: string[]; rows: ReactNode[][] }) {
  const style = { '--cols': String(header.length) } as Record<string, string>;
  return (
    <View id={id} className='table dash__table'>
      <View className='table__row table__row--head' style={style}>
        {header.map((h) => <Text key={h}>{h}</Text>)}
      </View>
      {rows.map((row, i) => (
        <View key={i} className='table__row' style={style}>
          {row.map((cell, j) => (typeof cell === 'string' || typeof cell === 'number' ? <Text key={j}>{cell}</Text> : <View key={j}>{cell}</View>))}
        </View>
      ))}
    </View>
  );
}
