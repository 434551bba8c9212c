export type StageKind = 'open' | 'won' | 'lost';
export type OpportunityStatus = 'open' | 'won' | 'lost';
export type Stage = { id: string; name: string; position: number; probability: number; kind: StageKind };
export type Pipeline = { id: string; name: string; position: number; isDefault: boolean; stages: Stage[] };
export type ProductItem = { name: string; quantity: number; unitPrice: number };
export type ScoreReason = { factor?: string; label?: string; weight?: number; [key: string]: unknown };

export type Opportunity = {
  id: string;
  customerId: string;
  customerName: string | null;
  leadId: string | null;
  pipelineId: string;
  stageId: string;
  stageName: string | null;
  stageProbability: number | null;
  name: string;
  amount: string;
  currency: string;
  expectedCloseDate: string | null;
  products: ProductItem[];
  status: OpportunityStatus;
  lostReason: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  winProbability: number | null;
  scoreReasons: ScoreReason[];
  stageEnteredAt: string;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type BoardColumn = { stage: Stage; count: number; amount: string; items: Opportunity[] };
export type Board = { pipeline: Pipeline; columns: BoardColumn[] };

export type HistoryEntry = {
  id: string;
  stageId: string;
  stageName: string | null;
  fromStageId: string | null;
  enteredAt: string;
  leftAt: string | null;
  durationSeconds: number | null;
  userId: string | null;
  userName: string | null;
};
