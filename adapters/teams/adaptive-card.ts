/**
 * The subset of the Adaptive Card 1.5 schema that ContractBot renders
 * (https://adaptivecards.io/explorer/). Plain data: no botbuilder types.
 */

export type TextColor = 'default' | 'accent' | 'good' | 'warning' | 'attention';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'bolder';
  readonly size?: 'small' | 'medium' | 'large';
  readonly isSubtle?: boolean;
  readonly color?: TextColor;
  readonly spacing?: 'none' | 'small' | 'medium';
  readonly separator?: boolean;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly spacing?: 'small' | 'medium';
}

/** What an Action.Submit sends back: Teams delivers it as the message activity's `value`. */
export interface SubmitData {
  readonly action: { readonly id: string; readonly value?: string };
}

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: SubmitData;
  readonly style?: 'positive' | 'destructive';
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly SubmitAction[];
  readonly spacing?: 'small' | 'medium';
}

export interface Column {
  readonly type: 'Column';
  readonly width: 'auto' | 'stretch';
  readonly items: readonly CardElement[];
  readonly verticalContentAlignment?: 'top' | 'center';
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly spacing?: 'small' | 'medium';
  readonly separator?: boolean;
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly spacing?: 'small' | 'medium';
  readonly separator?: boolean;
}

/** A one-line text input; its value comes back under `id` in the submit's data. */
export interface InputText {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly isMultiline?: boolean;
}

/** A cell of an Adaptive Card 1.5 table. */
export interface TableCell {
  readonly type: 'TableCell';
  readonly items: readonly CardElement[];
}

export interface TableRow {
  readonly type: 'TableRow';
  readonly cells: readonly TableCell[];
}

/** The Adaptive Card 1.5 Table element: columns with relative widths, the first row as header. */
export interface Table {
  readonly type: 'Table';
  readonly columns: readonly { readonly width: number }[];
  readonly rows: readonly TableRow[];
  readonly firstRowAsHeader: boolean;
  readonly spacing?: 'small' | 'medium';
}

export type CardElement = TextBlock | FactSet | ActionSet | ColumnSet | Container | InputText | Table;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  /** Shown by clients that cannot render the card. */
  readonly fallbackText: string;
  readonly msteams?: { readonly width: 'Full' };
}
