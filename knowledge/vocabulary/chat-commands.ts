import { z } from 'zod';

/** `knowledge/data/chat-commands.json`: whole-message commands (calendar link, overview, feedback) and feedback verdict words. */
export const chatCommandsSchema = z.object({
  note: z.string(),
  commands: z
    .array(z.object({ id: z.enum(['calendar', 'home', 'feedback']), phrases: z.array(z.string().min(1)), prefixes: z.array(z.string().min(1)).optional() }))
    .min(1),
  verdicts: z.object({ helpful: z.array(z.string().min(1)).min(1), notHelpful: z.array(z.string().min(1)).min(1) }),
});

export type ChatCommands = z.infer<typeof chatCommandsSchema>;
