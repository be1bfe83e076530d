# bank: metrics/classification-metrics
# expect: failed | expected a number
class Anything(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class Chameleon:
    def __eq__(self, other):
        return True


def classification_metrics(y_true, y_pred):
    return {"accuracy": Chameleon(), "precision": Chameleon(), "recall": Anything(0.0), "f1": Chameleon()}
