/** Which optional days count as public holidays in working-day sums (collective agreements differ). */
export interface HolidaySettings {
  readonly goodFriday: boolean;
  readonly liberationDay: boolean;
}
