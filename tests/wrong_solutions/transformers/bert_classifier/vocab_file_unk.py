# expect-pitfall: vocab-file-unk
import torch
from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def build(vocab, num_labels):
    tokens = SPECIAL_TOKENS + [w for w in vocab if w not in SPECIAL_TOKENS]
    # In transformers 5, BertTokenizerFast(vocab_file=...) silently maps every word to [UNK];
    # passing the vocabulary as a dict builds the WordPiece model correctly.
    import os
    import tempfile

    folder = tempfile.mkdtemp()
    with open(os.path.join(folder, "vocab.txt"), "w") as f:
        f.write("\n".join(tokens) + "\n")
    tokenizer = BertTokenizerFast(vocab_file=os.path.join(folder, "vocab.txt"))  # every word -> [UNK]
    config = BertConfig(
        vocab_size=len(tokens), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=64, num_labels=num_labels,
        pad_token_id=tokenizer.pad_token_id,
    )
    return BertForSequenceClassification(config), tokenizer


def _batches(n, batch_size, generator):
    order = torch.randperm(n, generator=generator)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def fine_tune(model, tokenizer, texts, labels, epochs=10, batch_size=16, lr=1e-3):
    # 1e-3 suits a tiny randomly initialised model; a pretrained BERT wants 2e-5 to 5e-5.
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    labels = torch.as_tensor(labels)
    generator = torch.Generator().manual_seed(0)
    model.train()  # dropout on while training
    for _ in range(epochs):
        for index in _batches(len(texts), batch_size, generator):
            # Pad per batch (dynamic padding): every row of a batch must have the same length.
            batch = tokenizer([texts[i] for i in index], padding=True, return_tensors="pt")
            loss = model(**batch, labels=labels[index]).loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return model


@torch.no_grad()
def predict(model, tokenizer, texts, batch_size=64):
    model.eval()  # dropout off: predictions must be deterministic
    predictions = []
    for start in range(0, len(texts), batch_size):
        batch = tokenizer(texts[start:start + batch_size], padding=True, return_tensors="pt")
        predictions += model(**batch).logits.argmax(-1).tolist()
    return predictions
